import math

import numpy as np
from matplotlib import pyplot as plt
