def grade(score):
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        return "C"
    elif score >= 60:
        return "D"
    else:
        return "F"
for s in [95, 85, 75, 65, 55, 90, 0, 100]:
    print(s, grade(s))
x = 7
if x > 5:
    print("big")
if x > 10:
    print("huge")
else:
    print("not huge")
if x % 2 == 0:
    print("even")
elif x % 3 == 0:
    print("div3")
elif x % 7 == 0:
    print("div7")
if []:
    print("unreachable")
elif {}:
    print("unreachable2")
else:
    print("empty containers are falsy")
if x:
    if x > 3:
        if x < 10:
            print("nested 3 deep")
if x == 7: print("one-line if")
if not x: pass
else: print("one-line else")
