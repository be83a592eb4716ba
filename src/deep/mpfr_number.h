// Mpfr: an owning handle for one mpfr_t, so that MPFR values are released on
// every path. Only the deep layer's .cc files use MPFR.
#pragma once

#include <mpfr.h>

#include <string>

#include "view/view.h"

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

// The exact spacings of `view`'s samples, rounded to the precision of x and y:
// x = y = 2R/H for a view given by centre and radius; for a region,
// x = 2 hx / W with hx = (XMAX - XMIN)/2 computed exactly on the digits, and
// y = 2R/H (R is the region's exact half-height). False when the region's
// bounds lie too far apart in scale for an exact difference.
// REQUIRES: the view's strings passed the parse functions of view/view.h.
bool set_exact_spacings(const View& view, Mpfr& x, Mpfr& y);

}  // namespace mandelbrot
