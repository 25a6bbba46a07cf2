#include "lexer.h"

#include "source_tables.h"
#include "textformat.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>

namespace ipclab::lang {

namespace {

bool isIdentStart(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}
bool isIdentChar(unsigned char c)
{
    return isIdentStart(c) || (c >= '0' && c <= '9');
}

// The code point at byte i of UTF-8 text checked beforehand; a malformed sequence
// (tokenize() called directly) gives U+FFFD and one byte, so walks always advance.
char32_t decodeUtf8(std::string_view s, std::size_t i, std::size_t &len)
{
    const auto c = static_cast<unsigned char>(s[i]);
    len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (len == 1 || i + len > s.size()) {
        len = 1;
        return c < 0x80 ? c : 0xFFFD;
    }
    char32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) {
            len = 1;
            return 0xFFFD;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    return cp;
}

// CPython's wording: the character itself only when it is printable.
std::string invalidCharacter(char32_t cp)
{
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
    if (!isPrintableCodePoint(cp))
        return std::string("invalid non-printable character ") + code;
    std::string text = "invalid character '";
    appendUtf8(text, cp);
    return text + "' (" + code + ")";
}

class Lexer {
public:
    explicit Lexer(std::string_view src)
        : m_src(src)
    {
    }

    std::vector<Token> run()
    {
        m_indents.push_back(0);
        m_altIndents.push_back(0);
        bool atLineStart = true;
        while (true) {
            if (atLineStart) {
                // Inside brackets a new line continues the statement: no indentation tokens.
                if (m_depth == 0 && !handleIndentation())
                    break;
                atLineStart = false;
            }
            if (m_pos >= m_src.size())
                break;
            const unsigned char c = static_cast<unsigned char>(m_src[m_pos]);
            if (c == ' ' || c == '\t' || c == '\f') {
                advance();
                continue;
            }
            if (c == '\r') {
                advance();
                continue;
            }
            if (c == '#') {
                while (m_pos < m_src.size() && m_src[m_pos] != '\n')
                    advance();
                continue;
            }
            if (c == '\\') {
                const std::size_t next = m_pos + 1 < m_src.size() && m_src[m_pos + 1] == '\r' ? m_pos + 2 : m_pos + 1;
                if (next < m_src.size() && m_src[next] == '\n') {
                    while (m_pos <= next)
                        advance();
                    continue;
                }
                fail(m_line, m_col, "unexpected character after line continuation character");
            }
            if (c == '\n') {
                if (m_depth == 0 && !m_tokens.empty() && m_tokens.back().kind != TokenKind::Newline)
                    push(TokenKind::Newline, "", m_line, m_col);
                advance();
                atLineStart = true;
                continue;
            }
            if (isIdentStart(c)) {
                lexNameOrString();
                continue;
            }
            if ((c >= '0' && c <= '9') || (c == '.' && m_pos + 1 < m_src.size() && std::isdigit(static_cast<unsigned char>(m_src[m_pos + 1])))) {
                lexNumber();
                continue;
            }
            if (c == '\'' || c == '"') {
                lexString(m_line, m_col, false, false, false);
                continue;
            }
            lexOperator();
        }
        if (m_depth > 0)
            fail(m_openLine, m_openCol, std::string("'") + m_openChar + "' was never closed");
        if (!m_tokens.empty() && m_tokens.back().kind != TokenKind::Newline)
            push(TokenKind::Newline, "", m_line, m_col);
        while (m_indents.size() > 1) {
            m_indents.pop_back();
            push(TokenKind::Dedent, "", m_line, 1);
        }
        push(TokenKind::End, "", m_line, m_col);
        return std::move(m_tokens);
    }

private:
    [[noreturn]] void fail(int line, int col, std::string message) { throw SyntaxIssue { line, col, std::move(message) }; }
    // CPython raises TabError (an IndentationError) here, at column 1.
    [[noreturn]] void failTab(int line) { fail(line, 1, "TabError: inconsistent use of tabs and spaces in indentation"); }

    void advance()
    {
        const unsigned char c = static_cast<unsigned char>(m_src[m_pos++]);
        if (c == '\n') {
            ++m_line;
            m_col = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++m_col;
        }
    }

    Token &push(TokenKind kind, std::string text, int line, int col)
    {
        Token t;
        t.kind = kind;
        t.text = std::move(text);
        t.line = line;
        t.column = col;
        m_tokens.push_back(std::move(t));
        return m_tokens.back();
    }

    // Returns false at end of input.
    bool handleIndentation()
    {
        while (true) {
            // As CPython: the width with tabs to multiples of 8 and, to catch indentation
            // that only lines up for one tab size, with tabs as 1 column (altWidth).
            int width = 0, altWidth = 0;
            const int line = m_line;
            while (m_pos < m_src.size() && (m_src[m_pos] == ' ' || m_src[m_pos] == '\t' || m_src[m_pos] == '\f')) {
                if (m_src[m_pos] == '\t') {
                    width = (width / 8 + 1) * 8;
                    ++altWidth;
                } else if (m_src[m_pos] == '\f') {
                    width = altWidth = 0; // a form feed starts the count again
                } else {
                    ++width;
                    ++altWidth;
                }
                advance();
            }
            if (m_pos >= m_src.size())
                return false;
            const char c = m_src[m_pos];
            if (c == '\r' && m_pos + 1 < m_src.size() && m_src[m_pos + 1] == '\n') {
                advance();
                continue;
            }
            if (c == '\n') {
                advance();
                continue;
            }
            if (c == '#') {
                while (m_pos < m_src.size() && m_src[m_pos] != '\n')
                    advance();
                continue;
            }
            if (width > m_indents.back()) {
                if (m_indents.size() >= 100)
                    fail(line, width + 1, "too many levels of indentation");
                if (altWidth <= m_altIndents.back())
                    failTab(line);
                if (m_tokens.empty() || m_tokens.back().kind != TokenKind::Newline)
                    fail(line, width + 1, "unexpected indent");
                m_indents.push_back(width);
                m_altIndents.push_back(altWidth);
                push(TokenKind::Indent, "", line, width + 1);
            } else {
                while (width < m_indents.back()) {
                    m_indents.pop_back();
                    m_altIndents.pop_back();
                    push(TokenKind::Dedent, "", line, width + 1);
                }
                if (width != m_indents.back())
                    fail(line, width + 1, "unindent does not match any outer indentation level");
                if (altWidth != m_altIndents.back())
                    failTab(line);
            }
            return true;
        }
    }

    void lexNameOrString()
    {
        const int line = m_line, col = m_col;
        const std::size_t start = m_pos;
        while (m_pos < m_src.size() && isIdentChar(static_cast<unsigned char>(m_src[m_pos])))
            advance();
        std::string word(m_src.substr(start, m_pos - start));
        verifyIdentifier(word, line, col);
        if (m_pos < m_src.size() && (m_src[m_pos] == '\'' || m_src[m_pos] == '"') && word.size() <= 2) {
            bool raw = false, bytes = false, fstr = false, ok = true;
            for (char ch : word) {
                switch (ch) {
                case 'r':
                case 'R':
                    ok = ok && !raw;
                    raw = true;
                    break;
                case 'b':
                case 'B':
                    ok = ok && !bytes;
                    bytes = true;
                    break;
                case 'f':
                case 'F':
                    ok = ok && !fstr;
                    fstr = true;
                    break;
                case 'u':
                case 'U':
                    ok = ok && word.size() == 1;
                    break;
                default:
                    ok = false;
                }
            }
            if (ok && !(bytes && fstr)) {
                lexString(line, col, raw, bytes, fstr);
                return;
            }
        }
        push(TokenKind::Name, std::move(word), line, col);
    }

    // Every byte >= 0x80 was taken as part of the name (as CPython's tokenizer does);
    // now the whole name must be a PEP 3131 identifier.
    static void verifyIdentifier(std::string_view word, int line, int col)
    {
        bool first = true;
        for (std::size_t i = 0; i < word.size(); ++col, first = false) {
            const auto c = static_cast<unsigned char>(word[i]);
            if (c < 0x80) {
                ++i;
                continue;
            }
            std::size_t len = 0;
            const char32_t cp = decodeUtf8(word, i, len);
            if (!(first ? isXidStart(cp) : isXidContinue(cp)))
                throw SyntaxIssue { line, col, invalidCharacter(cp) };
            i += len;
        }
    }

    void lexString(int line, int col, bool raw, bool bytes, bool fstr)
    {
        const char quote = m_src[m_pos];
        const bool triple = m_pos + 2 < m_src.size() && m_src[m_pos + 1] == quote && m_src[m_pos + 2] == quote;
        const int quoteCount = triple ? 3 : 1;
        for (int i = 0; i < quoteCount; ++i)
            advance();
        const int bodyLine = m_line, bodyCol = m_col;
        const std::size_t start = m_pos;
        while (true) {
            if (m_pos >= m_src.size())
                fail(line, col, triple ? "unterminated triple-quoted string literal" : "unterminated string literal");
            const char c = m_src[m_pos];
            if (c == '\\') {
                advance();
                if (m_pos < m_src.size())
                    advance();
                continue;
            }
            if (c == '\n' && !triple)
                fail(line, col, "unterminated string literal");
            if (c == quote && (!triple || (m_pos + 2 < m_src.size() && m_src[m_pos + 1] == quote && m_src[m_pos + 2] == quote)))
                break;
            advance();
        }
        std::string body(m_src.substr(start, m_pos - start));
        for (int i = 0; i < quoteCount; ++i)
            advance();
        Token &t = push(TokenKind::String, "", line, col);
        t.isBytes = bytes;
        t.isFString = fstr;
        t.isRaw = raw;
        t.bodyLine = bodyLine;
        t.bodyColumn = bodyCol;
        if (bytes)
            for (unsigned char ch : body)
                if (ch >= 0x80)
                    fail(line, col, "bytes can only contain ASCII literal characters");
        if (fstr || raw) {
            // Normalise CRLF inside the literal; f-strings are decoded piecewise by the parser.
            std::string cleaned;
            for (std::size_t i = 0; i < body.size(); ++i)
                if (!(body[i] == '\r' && i + 1 < body.size() && body[i + 1] == '\n'))
                    cleaned += body[i];
            t.text = std::move(cleaned);
        } else {
            t.text = decodeEscapes(body, bytes, bodyLine, bodyCol);
        }
    }

    void lexNumber()
    {
        const int line = m_line, col = m_col;
        const std::size_t start = m_pos;
        auto digitsOf = [&](auto pred) {
            while (m_pos < m_src.size() && (pred(m_src[m_pos]) || (m_src[m_pos] == '_' && m_pos + 1 < m_src.size() && pred(m_src[m_pos + 1]))))
                advance();
        };
        auto isDec = [](char ch) { return ch >= '0' && ch <= '9'; };
        int base = 10;
        bool isFloat = false;
        if (m_src[m_pos] == '0' && m_pos + 1 < m_src.size() && std::strchr("xXoObB", m_src[m_pos + 1]) && m_src[m_pos + 1] != '\0') {
            const char kind = static_cast<char>(std::tolower(static_cast<unsigned char>(m_src[m_pos + 1])));
            base = kind == 'x' ? 16 : kind == 'o' ? 8 : 2;
            advance();
            advance();
            if (m_pos < m_src.size() && m_src[m_pos] == '_')
                advance();
            const std::size_t digitsStart = m_pos;
            digitsOf([base](char ch) {
                if (base == 16)
                    return static_cast<bool>(std::isxdigit(static_cast<unsigned char>(ch)));
                return ch >= '0' && ch < static_cast<char>('0' + base);
            });
            if (m_pos == digitsStart)
                fail(line, col, std::string("invalid ") + (base == 16 ? "hexadecimal" : base == 8 ? "octal" : "binary") + " literal");
        } else {
            digitsOf(isDec);
            if (m_pos < m_src.size() && m_src[m_pos] == '.') {
                isFloat = true;
                advance();
                digitsOf(isDec);
            }
            if (m_pos < m_src.size() && (m_src[m_pos] == 'e' || m_src[m_pos] == 'E')) {
                std::size_t look = m_pos + 1;
                if (look < m_src.size() && (m_src[look] == '+' || m_src[look] == '-'))
                    ++look;
                if (look < m_src.size() && isDec(m_src[look])) {
                    isFloat = true;
                    while (m_pos < look)
                        advance();
                    digitsOf(isDec);
                }
            }
        }
        if (m_pos < m_src.size() && (m_src[m_pos] == 'j' || m_src[m_pos] == 'J'))
            fail(line, col, "complex numbers are not supported by IPC Lab");
        if (m_pos < m_src.size() && isIdentChar(static_cast<unsigned char>(m_src[m_pos])))
            fail(line, col, "invalid decimal literal");
        std::string text;
        for (char ch : m_src.substr(start, m_pos - start))
            if (ch != '_')
                text += ch;
        Token &t = push(isFloat ? TokenKind::Float : TokenKind::Int, text, line, col);
        if (isFloat) {
            t.floatValue = std::strtod(text.c_str(), nullptr);
            return;
        }
        if (base == 10 && text.size() > 1 && text[0] == '0' && text.find_first_not_of('0') != std::string::npos)
            fail(line, col, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
        errno = 0;
        const unsigned long long v = std::strtoull(base == 10 ? text.c_str() : text.c_str() + 2, nullptr, base);
        if (errno == ERANGE || v > static_cast<unsigned long long>(std::numeric_limits<std::int64_t>::max()))
            fail(line, col, "integer literal too large: IPC Lab integers are 64-bit");
        t.intValue = static_cast<std::int64_t>(v);
    }

    void lexOperator()
    {
        static const char *const ops[] = { "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", ">>", "<<",
            "<=", ">=", "==", "!=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">", "(", ")",
            "[", "]", "{", "}", ",", ":", ";", ".", "=" };
        const int line = m_line, col = m_col;
        for (const char *op : ops) {
            const std::size_t n = std::strlen(op);
            if (m_src.substr(m_pos, n) == op) {
                for (std::size_t i = 0; i < n; ++i)
                    advance();
                const char c = op[0];
                if (n == 1 && (c == '(' || c == '[' || c == '{')) {
                    if (m_depth >= 200)
                        fail(line, col, "too many nested parentheses");
                    if (m_depth++ == 0) {
                        m_openLine = line;
                        m_openCol = col;
                        m_openChar = c;
                    }
                    m_openers.push_back(c);
                } else if (n == 1 && (c == ')' || c == ']' || c == '}')) {
                    if (m_openers.empty())
                        fail(line, col, std::string("unmatched '") + c + "'");
                    const char open = m_openers.back();
                    if ((open == '(' && c != ')') || (open == '[' && c != ']') || (open == '{' && c != '}'))
                        fail(line, col, std::string("closing parenthesis '") + c + "' does not match opening parenthesis '" + open + "'");
                    m_openers.pop_back();
                    --m_depth;
                }
                push(TokenKind::Op, op, line, col);
                return;
            }
        }
        const unsigned char c = static_cast<unsigned char>(m_src[m_pos]);
        if (c < 0x20 || c == 0x7F)
            fail(line, col, invalidCharacter(c));
        if (c == '!')
            fail(line, col, "invalid syntax: '!' is not an operator (use 'not' or '!=')");
        if (c == '$' || c == '?' || c == '`')
            fail(line, col, std::string("invalid character '") + static_cast<char>(c) + "'");
        fail(line, col, "invalid character in source");
    }

    std::string_view m_src;
    std::size_t m_pos = 0;
    int m_line = 1;
    int m_col = 1;
    int m_depth = 0;
    int m_openLine = 0, m_openCol = 0;
    char m_openChar = 0;
    std::vector<char> m_openers;
    std::vector<int> m_indents;
    std::vector<int> m_altIndents; // the same widths with a tab as one column
    std::vector<Token> m_tokens;
};

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

std::string decodeEscapes(std::string_view body, bool isBytes, int line, int column)
{
    std::string out;
    out.reserve(body.size());
    for (std::size_t i = 0; i < body.size(); ++i) {
        const char c = body[i];
        if (c == '\r' && i + 1 < body.size() && body[i + 1] == '\n')
            continue;
        if (c != '\\' || i + 1 >= body.size()) {
            out += c;
            continue;
        }
        const char e = body[++i];
        switch (e) {
        case '\n':
            break;
        case '\r':
            if (i + 1 < body.size() && body[i + 1] == '\n')
                ++i;
            break;
        case '\\':
            out += '\\';
            break;
        case '\'':
            out += '\'';
            break;
        case '"':
            out += '"';
            break;
        case 'a':
            out += '\a';
            break;
        case 'b':
            out += '\b';
            break;
        case 'f':
            out += '\f';
            break;
        case 'n':
            out += '\n';
            break;
        case 'r':
            out += '\r';
            break;
        case 't':
            out += '\t';
            break;
        case 'v':
            out += '\v';
            break;
        case 'x': {
            const int hi = i + 1 < body.size() ? hexValue(body[i + 1]) : -1;
            const int lo = i + 2 < body.size() ? hexValue(body[i + 2]) : -1;
            if (hi < 0 || lo < 0)
                throw SyntaxIssue { line, column, std::string("(") + (isBytes ? "value" : "unicode") + " error) truncated \\xXX escape" };
            const int v = hi * 16 + lo;
            if (isBytes)
                out += static_cast<char>(v);
            else
                appendUtf8(out, static_cast<char32_t>(v));
            i += 2;
            break;
        }
        case 'u':
        case 'U': {
            if (isBytes) {
                out += '\\';
                out += e;
                break;
            }
            const std::size_t n = e == 'u' ? 4 : 8;
            char32_t v = 0;
            for (std::size_t k = 1; k <= n; ++k) {
                const int h = i + k < body.size() ? hexValue(body[i + k]) : -1;
                if (h < 0)
                    throw SyntaxIssue { line, column, std::string("(unicode error) truncated \\") + e + (e == 'u' ? "XXXX" : "XXXXXXXX") + " escape" };
                v = v * 16 + static_cast<char32_t>(h);
            }
            if (v > 0x10FFFF)
                throw SyntaxIssue { line, column, "(unicode error) illegal Unicode character" };
            appendUtf8(out, v);
            i += n;
            break;
        }
        case 'N':
            if (!isBytes)
                throw SyntaxIssue { line, column, "\\N{name} escapes are not supported by IPC Lab; use \\uXXXX" };
            out += "\\N";
            break;
        default:
            if (e >= '0' && e <= '7') {
                int v = e - '0';
                for (int k = 0; k < 2 && i + 1 < body.size() && body[i + 1] >= '0' && body[i + 1] <= '7'; ++k)
                    v = v * 8 + (body[++i] - '0');
                if (isBytes)
                    out += static_cast<char>(v & 0xFF);
                else
                    appendUtf8(out, static_cast<char32_t>(v));
            } else {
                out += '\\';
                out += e;
            }
        }
    }
    return out;
}

std::vector<Token> tokenize(std::string_view source)
{
    return Lexer(source).run();
}

} // namespace ipclab::lang
