变量 = 1
print(变量)
