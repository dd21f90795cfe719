# The page's state (the link above), in the seed notebook's names.
# dimensionality
n = {{n}}
{{z0_code}}
mu = {{mu}}
c = {{centre}}  # the centre of the pull mu ||z - c||^2 (the seed: 1)
FIT, delta = '{{fit}}', {{delta}}  # 'l1' (the seed), 'huber' (pseudo-Huber of width delta) or 'l2'
learning_rate, epochs = {{lr}}, {{epochs}}
beta_1, beta_2, epsilon = {{beta1}}, {{beta2}}, {{eps}}  # Adam's (Keras' defaults in the seed)
decay = {{decay}}  # learning-rate decay: None (the seed), ('step', every, factor), ('exp', rate), ('invsqrt',)
w = None  # the fit term's weights w_i: None is every w_i = 1 (the seed)
