#pragma once
// CPython's `random` module generator, bit for bit: the Mersenne Twister
// MT19937 seeded the way CPython 3.11 seeds it from an int, and the derived
// functions computed the way Lib/random.py computes them, so that
// `random.seed(42); random.randint(1, 6)` prints what CPython prints.

#include <cstdint>
#include <vector>

namespace ipclab::lang {

class PyRandom {
public:
    PyRandom(); ///< seeded from the OS (urandom)
    void seed(std::int64_t value); ///< random.seed(int): uses abs(value), as CPython
    void seedFromOs();
    double random(); ///< [0.0, 1.0), 53-bit as CPython
    std::uint64_t getrandbits(int k); ///< 0 < k <= 64
    std::uint64_t randbelow(std::uint64_t n); ///< Random._randbelow_with_getrandbits, n > 0
    /// randrange(start, stop, step) as CPython 3.11 computes it; caller validated the range is non-empty.
    std::int64_t randrange(std::int64_t start, std::int64_t stop, std::int64_t step);
    std::int64_t randint(std::int64_t a, std::int64_t b) { return randrange(a, b + 1, 1); }
    double uniform(double a, double b) { return a + (b - a) * random(); }
    /// The index sequence random.shuffle uses: for i in reversed(range(1, n)): j = randbelow(i+1); swap(x[i], x[j]).
    std::vector<std::size_t> shufflePermutationSwaps(std::size_t n); // returns j for i = n-1 down to 1

private:
    std::uint32_t genrandUint32();
    void initGenrand(std::uint32_t s);
    void initByArray(const std::vector<std::uint32_t> &key);
    std::uint32_t m_state[624];
    int m_index = 625;
};

} // namespace ipclab::lang
