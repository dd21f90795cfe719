mus = np.array({{mus}})
results = [experiment(z0, mu=float(m), epochs=epochs, show=False) for m in mus]
Z = np.array([r['z'] for r in results])  # one row per mu

for m, zm in zip(mus, Z):
    plt.plot(z0, zm, label=f'{m:.3g}')
plt.xlabel('z0')
plt.ylabel('z')
plt.legend(title='mu')
plt.show()

plt.imshow(Z, aspect='auto', cmap='viridis')
plt.yticks(range(len(mus)), [f'{m:.3g}' for m in mus])
plt.xlabel('Dimension')
plt.ylabel('mu')
plt.colorbar(label='learned z')
plt.show()
