// WCAG 2.x contrast ratio of two opaque CSS colours as getComputedStyle reports them (rgb()).
function luminance(color: string): number {
  const parts = (color.match(/[\d.]+/g) ?? []).map(Number);
  if (parts.length < 3 || (parts.length > 3 && parts[3] < 1)) throw new Error(`not an opaque rgb() colour: ${color}`);
  const [r, g, b] = parts.slice(0, 3).map((c) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(foreground: string, background: string): number {
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}
