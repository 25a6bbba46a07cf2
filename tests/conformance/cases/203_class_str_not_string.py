class Bad:
    def __str__(self):
        return None
print("before")
print(str(Bad()))
