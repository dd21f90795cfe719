//! [`catalogue!`]: one area's struct of messages with its English and French values side by side.

/// Declares `pub struct $name` with one `&'static str` field per line `key: "English",
/// "Français";`, its `EN` and `FR` values, and `entries()` (key, text) for the tests. A line
/// without its French text is a compile error, which is the point.
macro_rules! catalogue {
    ($(#[$meta:meta])* $name:ident { $( $key:ident : $en:expr , $fr:expr ; )* }) => {
        $(#[$meta])*
        #[allow(missing_docs)] // each field's English text says what it is
        pub struct $name {
            $( pub $key: &'static str, )*
        }

        impl $name {
            /// The English texts.
            pub const EN: $name = $name { $( $key: $en, )* };
            /// The French texts.
            pub const FR: $name = $name { $( $key: $fr, )* };

            /// Every (key, English, French) of this area, as data: what the page looks names up
            /// in (a table in the wasm's data, where building [`Self::entries`]' vector at each
            /// lookup was code).
            pub const TABLE: &'static [(&'static str, &'static str, &'static str)] =
                &[$( (stringify!($key), $en, $fr), )*];

            /// Every (key, text) of this area.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$( (stringify!($key), self.$key), )*]
            }
        }
    };
}
