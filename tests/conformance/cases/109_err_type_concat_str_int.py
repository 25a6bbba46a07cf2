name = "player"
score = 42
print(name + ": " + str(score))
message = "Score: " + score
print(message)
