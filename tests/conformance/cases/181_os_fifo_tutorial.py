# The tutorial's two named pipes (pipe.in, pipe.out) with its flags: the consumer
# opens its reply pipe O_SYNC | O_CREAT | O_RDWR, so that open never waits.
import os
from multiprocessing import Process

input_pipe = "./pipe.in"
output_pipe = "./pipe.out"


def consumer():
    in1 = os.open(input_pipe, os.O_RDONLY)
    out1 = os.open(output_pipe, os.O_SYNC | os.O_CREAT | os.O_RDWR)
    while True:
        read_data = os.read(in1, 1024)
        if len(read_data) == 0 or b"exit" in read_data:
            break
        os.write(out1, b"ack " + read_data)
    os.close(in1)
    os.close(out1)


if __name__ == '__main__':
    for path in (input_pipe, output_pipe):
        if os.path.exists(path):
            os.remove(path)
        os.mkfifo(path)
    pconsumer = Process(target=consumer)
    pconsumer.start()
    out2 = os.open(input_pipe, os.O_SYNC | os.O_CREAT | os.O_RDWR)
    in2 = None
    for i in range(1, 4):
        msg = "msg " + str(i)
        print("sent", os.write(out2, msg.encode()), "bytes:", msg)
        if in2 is None:
            in2 = os.open(output_pipe, os.O_RDONLY)
        print("received:", os.read(in2, 1024))
    os.write(out2, b"exit")
    pconsumer.join()
    os.close(in2)
    os.close(out2)
    os.remove(input_pipe)
    os.remove(output_pipe)
    print("exit code", pconsumer.exitcode)
