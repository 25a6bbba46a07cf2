def helper(n):
    return n * n
def main():
    print("name is", __name__)
    total = 0
    for i in range(1, 6):
        total += helper(i)
    print("total", total)
    return 0
print("module level runs first")
if __name__ == '__main__':
    main()
    print("after main")
else:
    print("imported")
if __name__ != "__main__":
    print("never")
