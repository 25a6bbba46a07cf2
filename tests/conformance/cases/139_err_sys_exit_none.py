import sys
print("exit with no argument gives code 0")
sys.exit()
