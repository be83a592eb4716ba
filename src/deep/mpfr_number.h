// Mpfr: an owning handle for one mpfr_t, so that MPFR values are released on
// every path. Only the deep layer's .cc files use MPFR.
#pragma once

#include <mpfr.h>

#include <string>

namespace mandelbrot {

class Mpfr {
 public:
  explicit Mpfr(mpfr_prec_t bits) { mpfr_init2(value_, bits); }
  ~Mpfr() { mpfr_clear(value_); }
  Mpfr(const Mpfr&) = delete;
  Mpfr& operator=(const Mpfr&) = delete;

  mpfr_ptr get() { return value_; }
  mpfr_srcptr get() const { return value_; }

 private:
  mpfr_t value_;
};

// Sets `number` to the decimal `text` rounded to nearest; false when MPFR does
// not read all of it. REQUIRES: text is a decimal (view/decimal.h, is_decimal()).
bool set_decimal(Mpfr& number, const std::string& text);

}  // namespace mandelbrot
