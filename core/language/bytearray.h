#pragma once
// bytearray: the writable buffer Connection.recv_bytes_into fills. Enough of
// CPython's type for the lessons: construction, len, indexing and slicing,
// item assignment, iteration, bytes(), decode() and repr.

#include "objects.h"

namespace ipclab::lang {

struct ByteArrayObject final : OpaqueObject {
    explicit ByteArrayObject(std::string bytes);
    std::string data;
    bool getItem(const Value &key, Value &out) override;
    bool setItem(const Value &key, const Value &value) override;
    bool length(std::int64_t &n) override;
    bool items(std::vector<Value> &out) override;
    bool contains(const Value &item, bool &found) override;
    bool text(std::string &out) override;
};

TypeObject *byteArrayType();
bool isByteArray(const Value &v);

} // namespace ipclab::lang
