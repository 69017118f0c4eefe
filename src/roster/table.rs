//! Tables (to come).
