plt.plot(z0)
plt.xlabel('Dimension')
plt.ylabel('Value z_0')
plt.show()
