// The `alliance` command line: a thin front door onto the core (no Qt).
#include "Commands.hpp"

#include <sys/stat.h>

int main(int argc, char** argv)
{
    ::umask(077); // health data: a new database, its WAL and SHM are for the owner only
    return alliance::cli::run(argc, argv);
}
