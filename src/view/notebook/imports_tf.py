import math

import tensorflow as tf
from matplotlib import pyplot as plt
import numpy as np
