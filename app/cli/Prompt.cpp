#include "Prompt.hpp"

#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace alliance::cli {

namespace {

std::string readHidden(int tty, const std::string& prompt)
{
    termios saved{};
    const bool terminal = tcgetattr(tty, &saved) == 0;
    if (terminal) {
        termios quiet = saved;
        quiet.c_lflag &= static_cast<tcflag_t>(~ECHO);
        tcsetattr(tty, TCSAFLUSH, &quiet);
    }
    (void)!write(tty, prompt.data(), prompt.size());
    std::string line;
    char c = 0;
    while (read(tty, &c, 1) == 1 && c != '\n')
        line += c;
    if (terminal)
        tcsetattr(tty, TCSAFLUSH, &saved);
    (void)!write(tty, "\n", 1);
    return line;
}

} // namespace

std::string secret(const char* variable, const std::string& prompt, bool confirm)
{
    if (const char* value = std::getenv(variable))
        return value;
    const int tty = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
    if (tty < 0 || !isatty(tty)) {
        if (tty >= 0)
            ::close(tty);
        throw UsageError(std::string("no terminal to ask on: set ") + variable);
    }
    std::string first = readHidden(tty, prompt + ": ");
    if (confirm && readHidden(tty, prompt + " again: ") != first) {
        ::close(tty);
        throw UsageError("the two passwords typed differ");
    }
    ::close(tty);
    return first;
}

} // namespace alliance::cli
