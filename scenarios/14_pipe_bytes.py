# ipclab:title en: Raw bytes: send_bytes, recv_bytes(maxlength), recv_bytes_into
# ipclab:title zh: 原始字节：send_bytes、recv_bytes(maxlength)、recv_bytes_into
# ipclab:summary en: send_bytes() sends bytes as they are, without pickling; recv_bytes() returns one whole message. recv_bytes_into() fills a bytearray you own, and raises BufferTooShort when the message does not fit; a message longer than maxlength raises OSError.
# ipclab:summary zh: send_bytes() 原样发送字节，不做 pickle；recv_bytes() 返回一条完整的消息。recv_bytes_into() 把消息写进你自己的 bytearray，放不下时抛出 BufferTooShort；消息比 maxlength 长时抛出 OSError。
# ipclab:lesson 1.7
# ipclab:chapter en: Pipes
# ipclab:chapter zh: 管道 Pipe

import multiprocessing
from multiprocessing import Pipe

if __name__ == "__main__":
    a, b = Pipe()
    # ipclab:explain en: send_bytes() writes the bytes themselves after the 4-byte length: no pickle.
    # ipclab:explain zh: send_bytes() 在 4 字节长度之后直接写入字节本身：不经过 pickle。
    a.send_bytes(b"hello, bytes")
    print("recv_bytes():", b.recv_bytes())
    # ipclab:explain en: offset 2 and size 5: only b"23456" of the buffer is sent.
    # ipclab:explain zh: offset 为 2、size 为 5：只发送缓冲区里的 b"23456"。
    a.send_bytes(b"0123456789", 2, 5)
    print("a slice:", b.recv_bytes())
    buf = bytearray(12)
    a.send_bytes(b"pipe")
    # ipclab:explain en: recv_bytes_into() copies the message into buf at offset 4 and returns its length.
    # ipclab:explain zh: recv_bytes_into() 把消息复制到 buf 的第 4 个字节处，并返回消息长度。
    n = b.recv_bytes_into(buf, 4)
    print("recv_bytes_into:", n, buf)
    a.send_bytes(b"far too long for eight")
    try:
        # ipclab:question at=raises en: The message has 22 bytes and the bytearray only 8. What happens?
        # ipclab:question at=raises zh: 消息有 22 个字节，而 bytearray 只有 8 个。会发生什么？
        # ipclab:why en: recv_bytes_into() never cuts a message: when the buffer is too small it raises BufferTooShort, and the exception's args[0] holds the whole message.
        # ipclab:why zh: recv_bytes_into() 从不截断消息：缓冲区太小时抛出 BufferTooShort，异常的 args[0] 里是完整的消息。
        # ipclab:answer en: The first 8 bytes are copied, the rest is lost
        # ipclab:answer zh: 复制前 8 个字节，其余的丢失
        # ipclab:answer* en: BufferTooShort is raised, and it carries the whole message
        # ipclab:answer* zh: 抛出 BufferTooShort，异常里带着完整的消息
        # ipclab:answer en: The bytearray grows to 22 bytes
        # ipclab:answer zh: bytearray 自动增长到 22 个字节
        b.recv_bytes_into(bytearray(8))
    except multiprocessing.BufferTooShort as e:
        print("BufferTooShort, the message is in it:", e.args[0])
    a.send_bytes(b"x" * 20)
    try:
        # ipclab:explain en: maxlength 10 is shorter than the 20-byte message: OSError, and this end can no longer receive.
        # ipclab:explain zh: maxlength 为 10，比 20 字节的消息短：抛出 OSError，而且这一端再也不能接收了。
        b.recv_bytes(maxlength=10)
    except OSError as e:
        print("recv_bytes(maxlength=10) raised OSError:", e)
    print("b still readable:", b.readable)
    a.close()
