# A Process subclass whose run() raises: the child's traceback and exit code 1.
from multiprocessing import Process
class AppError(Exception):
    pass
class Failing(Process):
    def run(self):
        raise AppError(f"{self.name} failed")
if __name__ == "__main__":
    p = Failing()
    p.start()
    p.join()
    print("exitcode", p.exitcode, p.name)
