#pragma once
/// \file
/// A progress bar on standard error, drawn only when standard error is a terminal, so that logs and
/// pipes stay clean.

#include <chrono>
#include <cstdint>
#include <string>

namespace dangyuan::io {

/// A single-line progress bar: `label [#####.....]  45%  450000/1000000`.
class progress_bar {
public:
    /// \param total the amount of work; 0 draws a counter without a bar.
    /// \param enabled draw at all; `progress_bar::on_terminal()` is the usual value.
    progress_bar(std::string label, std::int64_t total, bool enabled);
    ~progress_bar();
    progress_bar(progress_bar const&) = delete;
    progress_bar& operator=(progress_bar const&) = delete;

    /// Sets the amount done; redraws at most ten times a second.
    void update(std::int64_t done);
    /// Starts a new phase with its own label and total.
    void phase(std::string label, std::int64_t total);
    /// Draws 100% and ends the line. Called by the destructor when still open.
    void finish();

    /// True when standard error is a terminal.
    [[nodiscard]] static bool on_terminal() noexcept;

private:
    void draw();
    std::string label_;
    std::int64_t total_;
    std::int64_t done_ = 0;
    bool enabled_;
    bool open_ = false;
    std::chrono::steady_clock::time_point last_{};
};

}  // namespace dangyuan::io
