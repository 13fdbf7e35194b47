// Workload 4, python: prepares the sample district and runs bench/roster_pandas.py on it with the
// interpreter and module the build points at (DANGYUAN_BENCH_PYTHON, DANGYUAN_BENCH_PYTHONPATH); the
// environment variable DANGYUAN_PYTHONPATH overrides the module's directory. The script prints the
// table and the summary line, or a skip line when the module is not built.

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "support.hpp"

namespace {

std::string shell_quoted(std::string const& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    return out + "'";
}

}  // namespace

int main(int argc, char** argv) try {
    auto const o = bench::parse_options(argc, argv, "store.roster().to_pandas() against pandas.read_sql.");
    bench::print_machine();
    std::string module_dir = DANGYUAN_BENCH_PYTHONPATH;
    if (char const* env = std::getenv("DANGYUAN_PYTHONPATH"); env && *env) module_dir = env;
    auto const package = std::filesystem::path(module_dir) / "dangyuan" / "__init__.py";
    if (!std::filesystem::exists(package)) {
        std::cout
            << "python: no built dangyuan module in " << module_dir
            << " (build the bindings in build/py or with the default preset, or set DANGYUAN_PYTHONPATH)\n"
            << "python_speedup=skipped target>=4.00 skipped\n";
        return 0;
    }
    auto const path = bench::district(o, o.members);
    auto const command = "PYTHONPATH=" + shell_quoted(module_dir) + " PYTHONDONTWRITEBYTECODE=1 " +
                         shell_quoted(DANGYUAN_BENCH_PYTHON) + " " + shell_quoted(DANGYUAN_BENCH_SCRIPT) +
                         " --db " + shell_quoted(path.string()) + " --repeat " + std::to_string(o.repeat);
    std::cout.flush();
    int const rc = std::system(command.c_str());
    return rc == 0 ? 0 : 1;
} catch (std::exception const& e) {
    std::cerr << "bench_python: " << e.what() << "\n";
    return 1;
}
