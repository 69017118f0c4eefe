//! Import (to come).
