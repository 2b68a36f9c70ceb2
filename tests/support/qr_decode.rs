//! Decoding QR codes the way a phone would, with a real decoder (`rqrr`): from PNG files, and from the SVG
//! files the site writes (drawn back into pixels from their path).

use std::path::Path;

/// Decodes the one QR code in a greyscale or RGB(A) PNG; `Err` says why not.
pub fn decode_png_bytes(bytes: &[u8]) -> Result<String, String> {
    let mut dec = png::Decoder::new(std::io::Cursor::new(bytes));
    dec.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = dec.read_info().map_err(|e| e.to_string())?;
    let mut buf = vec![0; reader.output_buffer_size().ok_or("PNG too large")?];
    let info = reader.next_frame(&mut buf).map_err(|e| e.to_string())?;
    let channels = info.color_type.samples();
    let (w, h) = (info.width as usize, info.height as usize);
    let line = info.line_size;
    decode_grey(w, h, |x, y| {
        let px = &buf[y * line + x * channels..];
        if channels >= 3 { ((px[0] as u16 + px[1] as u16 + px[2] as u16) / 3) as u8 } else { px[0] }
    })
}

/// Decodes a PNG file.
pub fn decode_png(path: &Path) -> Result<String, String> {
    decode_png_bytes(&std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?)
}

/// Decodes an SVG the site wrote (`viewBox="0 0 S S"`, one path of `M x y h n v1 h-n z` runs): rasterized at
/// `scale` px per module.
pub fn decode_svg(svg: &str, scale: usize) -> Result<String, String> {
    let vb = svg.split("viewBox=\"0 0 ").nth(1).ok_or("no viewBox")?;
    let size: usize = vb.split(' ').next().and_then(|s| s.parse().ok()).ok_or("bad viewBox")?;
    let d = svg.split(" d=\"").nth(1).and_then(|s| s.split('"').next()).ok_or("no path")?;
    let mut dark = vec![false; size * size];
    for run in d.split('M').filter(|r| !r.is_empty()) {
        // "x yhNv1h-Nz"
        let (xy, rest) = run.split_once('h').ok_or("bad run")?;
        let (x, y) = xy.split_once(' ').ok_or("bad run")?;
        let n = rest.split('v').next().ok_or("bad run")?;
        let (x, y, n): (usize, usize, usize) =
            (x.parse().map_err(|_| "x")?, y.parse().map_err(|_| "y")?, n.parse().map_err(|_| "n")?);
        for i in x..x + n {
            dark[y * size + i] = true;
        }
    }
    decode_grey(size * scale, size * scale, |x, y| if dark[(y / scale) * size + x / scale] { 0 } else { 255 })
}

/// Finds and decodes exactly one QR code in a greyscale image.
pub fn decode_grey(w: usize, h: usize, px: impl FnMut(usize, usize) -> u8) -> Result<String, String> {
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, px);
    let grids = img.detect_grids();
    match grids.as_slice() {
        [grid] => grid.decode().map(|(_, text)| text).map_err(|e| format!("{e:?}")),
        [] => Err("no QR code found".into()),
        more => Err(format!("{} QR codes found, expected one", more.len())),
    }
}
