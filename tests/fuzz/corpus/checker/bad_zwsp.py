x​y = 1
