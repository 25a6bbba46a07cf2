count = 3
label = "items"
print(str(count) + " " + label)
print(f"{count} {label}")
total = count + label
print(total)
