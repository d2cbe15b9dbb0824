//! Every colour the map uses. Colours live here and nowhere else, so that a palette
//! switch (or a colour-blind check) touches one file.

/// A colour as 8-bit sRGB with straight (not premultiplied) alpha.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgba8(pub [u8; 4]);

impl Rgba8 {
    /// An opaque colour.
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Self([r, g, b, 255])
    }

    /// As `#rrggbb` for SVG.
    pub fn hex(self) -> String {
        let [r, g, b, _] = self.0;
        format!("#{r:02x}{g:02x}{b:02x}")
    }
}

/// The colours of one look of the map.
#[derive(Clone, Debug, PartialEq)]
pub struct Palette {
    /// Countries that belong to no shown layer.
    pub land: Rgba8,
    /// Water and everything outside the shapes.
    pub sea: Rgba8,
    /// Borders.
    pub border: Rgba8,
    /// The outline of the country under the pointer.
    pub hover: Rgba8,
    /// The outline of the selected country.
    pub selection: Rgba8,
}

impl Palette {
    /// The default light look: quiet land and sea so that layer colours stand out.
    pub fn light() -> Self {
        Self {
            land: Rgba8::rgb(0xe8, 0xe4, 0xda),
            sea: Rgba8::rgb(0xc9, 0xdc, 0xe8),
            border: Rgba8::rgb(0x6b, 0x6b, 0x6b),
            hover: Rgba8::rgb(0x1f, 0x1f, 0x1f),
            // Okabe-Ito vermillion: visible on every layer colour we use.
            selection: Rgba8::rgb(0xd5, 0x5e, 0x00),
        }
    }
}

impl Default for Palette {
    fn default() -> Self {
        Self::light()
    }
}
