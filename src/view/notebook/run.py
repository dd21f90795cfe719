result = experiment(z0, mu=mu, epochs=epochs)
z = result['z']  # the final learned z: the page's Run CSV, column z
z
