#include "dangyuan/io/progress.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace dangyuan::io {

progress_bar::progress_bar(std::string label, std::int64_t total, bool enabled)
    : label_(std::move(label)), total_(total), enabled_(enabled) {}

progress_bar::~progress_bar() {
    if (open_) finish();
}

bool progress_bar::on_terminal() noexcept {
    return isatty(STDERR_FILENO) == 1;
}

void progress_bar::phase(std::string label, std::int64_t total) {
    if (open_) finish();
    label_ = std::move(label);
    total_ = total;
    done_ = 0;
    last_ = {};
}

void progress_bar::update(std::int64_t done) {
    done_ = done;
    if (!enabled_) return;
    auto const now = std::chrono::steady_clock::now();
    if (open_ && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    draw();
}

void progress_bar::draw() {
    open_ = true;
    constexpr int width = 30;
    if (total_ > 0) {
        auto const frac = std::clamp(static_cast<double>(done_) / static_cast<double>(total_), 0.0, 1.0);
        auto const filled = static_cast<int>(frac * width);
        std::string bar(static_cast<std::size_t>(filled), '#');
        bar.append(static_cast<std::size_t>(width - filled), '.');
        std::fprintf(stderr, "\r%s [%s] %3d%%  %lld/%lld", label_.c_str(), bar.c_str(),
                     static_cast<int>(frac * 100), static_cast<long long>(done_),
                     static_cast<long long>(total_));
    } else {
        std::fprintf(stderr, "\r%s  %lld", label_.c_str(), static_cast<long long>(done_));
    }
    std::fflush(stderr);
}

void progress_bar::finish() {
    if (!enabled_) return;
    if (total_ > 0) done_ = total_;
    draw();
    std::fputs("\n", stderr);
    std::fflush(stderr);
    open_ = false;
}

}  // namespace dangyuan::io
