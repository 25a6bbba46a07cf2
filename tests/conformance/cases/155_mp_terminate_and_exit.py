import sys
import time
from multiprocessing import Process


def sleeper():
    time.sleep(30)


def leave(code):
    sys.exit(code)


if __name__ == '__main__':
    p = Process(target=sleeper)
    p.start()
    p.join(0.05)
    print('alive after timeout:', p.is_alive(), p.exitcode)
    p.terminate()
    p.join()
    print('terminated:', p.exitcode)
    k = Process(target=sleeper)
    k.start()
    k.kill()
    k.join()
    print('killed:', k.exitcode)
    for code in (0, 3, None):
        e = Process(target=leave, args=(code,))
        e.start()
        e.join()
        print('sys.exit', code, '->', e.exitcode)
    try:
        e.start()
    except AssertionError as err:
        print('AssertionError', err)
