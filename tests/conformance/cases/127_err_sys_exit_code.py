import sys
def main():
    print("doing work")
    for i in range(3):
        print("step", i)
    print("exiting with 3")
    sys.exit(3)
    print("not reached")
if __name__ == "__main__":
    main()
print("not reached either")
