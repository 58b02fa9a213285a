// The `alliance` command line: a thin front door onto the core (no Qt).
#include "Commands.hpp"

int main(int argc, char** argv)
{
    return alliance::cli::run(argc, argv);
}
