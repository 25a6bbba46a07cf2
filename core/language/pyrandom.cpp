#include "pyrandom.h"

#include <chrono>
#include <cstdio>
#include <random>

#if defined(__linux__)
#include <cerrno>
#include <sys/random.h>
#endif

// Transcribed from CPython 3.11 Modules/_randommodule.c (the generator and
// seeding) and Lib/random.py (_randbelow_with_getrandbits, randrange, shuffle).

namespace ipclab::lang {

namespace {

constexpr int kN = 624;
constexpr int kM = 397;
constexpr std::uint32_t kMatrixA = 0x9908b0dfU;
constexpr std::uint32_t kUpperMask = 0x80000000U;
constexpr std::uint32_t kLowerMask = 0x7fffffffU;

int bitLength(std::uint64_t n)
{
    int bits = 0;
    while (n != 0) {
        ++bits;
        n >>= 1;
    }
    return bits;
}

// Fills `key` with OS entropy; false when no source worked.
bool readOsEntropy(std::vector<std::uint32_t> &key)
{
    auto *bytes = reinterpret_cast<unsigned char *>(key.data());
    const std::size_t size = key.size() * sizeof(std::uint32_t);
#if defined(__linux__)
    std::size_t done = 0;
    while (done < size) {
        const ssize_t got = getrandom(bytes + done, size - done, 0);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            break; // e.g. ENOSYS on an old kernel: try the device below
        }
        done += static_cast<std::size_t>(got);
    }
    if (done == size)
        return true;
#endif
    if (std::FILE *device = std::fopen("/dev/urandom", "rb")) {
        const std::size_t got = std::fread(bytes, 1, size, device);
        std::fclose(device);
        if (got == size)
            return true;
    }
    return false;
}

} // namespace

PyRandom::PyRandom()
{
    seedFromOs();
}

void PyRandom::initGenrand(std::uint32_t s)
{
    m_state[0] = s;
    for (int i = 1; i < kN; ++i) {
        const std::uint32_t prev = m_state[i - 1];
        m_state[i] = 1812433253U * (prev ^ (prev >> 30)) + static_cast<std::uint32_t>(i);
    }
    m_index = kN;
}

void PyRandom::initByArray(const std::vector<std::uint32_t> &key)
{
    initGenrand(19650218U);
    const std::size_t keyLength = key.size();
    std::size_t i = 1, j = 0;
    for (std::size_t k = (kN > keyLength ? kN : keyLength); k != 0; --k) {
        const std::uint32_t prev = m_state[i - 1];
        m_state[i] = (m_state[i] ^ ((prev ^ (prev >> 30)) * 1664525U)) + key[j] + static_cast<std::uint32_t>(j);
        ++i;
        ++j;
        if (i >= kN) {
            m_state[0] = m_state[kN - 1];
            i = 1;
        }
        if (j >= keyLength)
            j = 0;
    }
    for (std::size_t k = kN - 1; k != 0; --k) {
        const std::uint32_t prev = m_state[i - 1];
        m_state[i] = (m_state[i] ^ ((prev ^ (prev >> 30)) * 1566083941U)) - static_cast<std::uint32_t>(i);
        ++i;
        if (i >= kN) {
            m_state[0] = m_state[kN - 1];
            i = 1;
        }
    }
    m_state[0] = 0x80000000U; // MSB set: the state can never be all zero
}

std::uint32_t PyRandom::genrandUint32()
{
    static constexpr std::uint32_t mag01[2] = { 0x0U, kMatrixA };
    if (m_index >= kN) {
        int kk = 0;
        for (; kk < kN - kM; ++kk) {
            const std::uint32_t y = (m_state[kk] & kUpperMask) | (m_state[kk + 1] & kLowerMask);
            m_state[kk] = m_state[kk + kM] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
        for (; kk < kN - 1; ++kk) {
            const std::uint32_t y = (m_state[kk] & kUpperMask) | (m_state[kk + 1] & kLowerMask);
            m_state[kk] = m_state[kk + (kM - kN)] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
        const std::uint32_t y = (m_state[kN - 1] & kUpperMask) | (m_state[0] & kLowerMask);
        m_state[kN - 1] = m_state[kM - 1] ^ (y >> 1) ^ mag01[y & 0x1U];
        m_index = 0;
    }
    std::uint32_t y = m_state[m_index++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= (y >> 18);
    return y;
}

// random_seed() for an int: abs(value) split into 32-bit words, least
// significant first, at least one word (so seed(0) uses the key [0]).
void PyRandom::seed(std::int64_t value)
{
    // 0 - unsigned keeps abs(INT64_MIN) == 2**63 representable.
    const std::uint64_t magnitude = value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    std::vector<std::uint32_t> key;
    key.push_back(static_cast<std::uint32_t>(magnitude));
    if ((magnitude >> 32) != 0)
        key.push_back(static_cast<std::uint32_t>(magnitude >> 32));
    initByArray(key);
}

// random_seed_urandom(): a full state's worth (624 words) of OS entropy; if
// that fails CPython falls back to time and pid, here to std::random_device
// mixed with the clock.
void PyRandom::seedFromOs()
{
    std::vector<std::uint32_t> key(kN);
    if (!readOsEntropy(key)) {
        std::random_device device;
        const auto now = static_cast<std::uint64_t>(std::chrono::high_resolution_clock::now().time_since_epoch().count());
        for (std::size_t i = 0; i < key.size(); ++i)
            key[i] = device() ^ static_cast<std::uint32_t>(now >> ((i % 2) * 32)) ^ static_cast<std::uint32_t>(i);
    }
    initByArray(key);
}

double PyRandom::random()
{
    // Evaluated in two statements: the order of the two draws matters.
    const std::uint32_t a = genrandUint32() >> 5;
    const std::uint32_t b = genrandUint32() >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

std::uint64_t PyRandom::getrandbits(int k)
{
    if (k <= 0)
        return 0;
    if (k <= 32)
        return genrandUint32() >> (32 - k);
    if (k > 64)
        k = 64; // the header's range; CPython would build a bigger int
    // Whole 32-bit words from the least significant up; the last, partial
    // word keeps its top bits.
    const std::uint64_t low = genrandUint32();
    std::uint64_t high = genrandUint32();
    if (k < 64)
        high >>= (64 - k);
    return low | (high << 32);
}

std::uint64_t PyRandom::randbelow(std::uint64_t n)
{
    if (n == 0)
        return 0; // precondition n > 0; CPython's _randbelow(0) is getrandbits(0) == 0 too
    const int k = bitLength(n);
    std::uint64_t r = getrandbits(k);
    while (r >= n)
        r = getrandbits(k);
    return r;
}

std::int64_t PyRandom::randrange(std::int64_t start, std::int64_t stop, std::int64_t step)
{
    // Widths and counts are computed unsigned: stop - start may not fit in
    // int64 (randrange(-2**63, 2**63 - 1)), but is below 2**64 when non-empty.
    const auto ustart = static_cast<std::uint64_t>(start);
    const auto ustop = static_cast<std::uint64_t>(stop);
    std::uint64_t n = 0;
    if (step > 0 && stop > start) {
        // n = (width + step - 1) // step, i.e. ceil(width / step)
        const std::uint64_t width = ustop - ustart;
        const auto ustep = static_cast<std::uint64_t>(step);
        n = width / ustep + (width % ustep != 0 ? 1 : 0);
    } else if (step < 0 && stop < start) {
        // n = (width + step + 1) // step, i.e. ceil(|width| / |step|)
        const std::uint64_t width = ustart - ustop;
        const std::uint64_t ustep = 0 - static_cast<std::uint64_t>(step);
        n = width / ustep + (width % ustep != 0 ? 1 : 0);
    } else {
        return start; // empty range or zero step: the caller raises ValueError before calling
    }
    // start + step * r lies in the range, so the wrapping arithmetic is exact.
    return static_cast<std::int64_t>(ustart + static_cast<std::uint64_t>(step) * randbelow(n));
}

std::vector<std::size_t> PyRandom::shufflePermutationSwaps(std::size_t n)
{
    std::vector<std::size_t> swaps;
    if (n < 2)
        return swaps;
    swaps.reserve(n - 1);
    for (std::size_t i = n - 1; i >= 1; --i)
        swaps.push_back(static_cast<std::size_t>(randbelow(i + 1)));
    return swaps;
}

} // namespace ipclab::lang
