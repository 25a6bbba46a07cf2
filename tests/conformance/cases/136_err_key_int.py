squares = {i: i * i for i in range(5)}
print(squares)
total = 0
for i in range(7):
    total += squares[i]
    print(i, total)
