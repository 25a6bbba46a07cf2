#pragma once
// Tokenizer for the scenario language: Python's tokens, with INDENT/DEDENT
// computed from leading whitespace and implicit line joining in brackets.

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace ipclab::lang {

/// A problem found before anything runs: reported as FILE:LINE:COL: message.
struct SyntaxIssue {
    int line = 0;
    int column = 0; // 1-based, in code points
    std::string message;
};

enum class TokenKind { Name, Int, Float, String, Op, Newline, Indent, Dedent, End };

struct Token {
    TokenKind kind;
    std::string text; // Name/Op: the text; String: the decoded value (or raw f-string body)
    int line = 0;
    int column = 0;
    std::int64_t intValue = 0;
    double floatValue = 0.0;
    bool isBytes = false;
    bool isFString = false;
    bool isRaw = false;
    int bodyLine = 0; // where an f-string's body starts, for errors inside it
    int bodyColumn = 0;
};

/// Splits `source` into tokens; throws SyntaxIssue on the first malformed token.
std::vector<Token> tokenize(std::string_view source);

/// Decodes the escapes of a (non-raw) string literal body; throws SyntaxIssue at (line, column).
std::string decodeEscapes(std::string_view body, bool isBytes, int line, int column);

} // namespace ipclab::lang
