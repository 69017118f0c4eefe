//! Every sentence a user reads, Vietnamese and English side by side: the messages about a
//! dossier, the headline of its result, the titles of its dates.

pub mod calendar;
pub mod messages;
pub mod summary;

pub use messages::{date_vi, field_label};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}
