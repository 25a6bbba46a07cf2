from multiprocessing import Pipe

a, b = Pipe()
b.close()
print(b.closed)
b.recv()
