row = "x,y,z"
a, b, c = row.split(",")
print(a, b, c)
row2 = "1,2"
a, b, c = row2.split(",")
print(a, b, c)
