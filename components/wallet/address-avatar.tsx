"use client";

import type { AvatarComponent } from "@rainbow-me/rainbowkit";

/** Two hues and an angle drawn from the address: the same account always looks the same. */
export function avatarColours(address: string): { from: string; to: string; angle: number } {
  const hex = address.toLowerCase().replace(/^0x/, "").padEnd(12, "0");
  const hue = (offset: number) => Number.parseInt(hex.slice(offset, offset + 4), 16) % 360;
  return {
    from: `hsl(${hue(0)} 70% 55%)`,
    to: `hsl(${hue(4)} 75% 45%)`,
    angle: Number.parseInt(hex.slice(8, 10), 16) % 360,
  };
}

/**
 * The account avatar in RainbowKit's button and modal. RainbowKit's default draws an emoji,
 * which shows as a blank box where no emoji font is installed; a gradient needs no font.
 */
export const AddressAvatar: AvatarComponent = ({ address, ensImage, size }) => {
  if (ensImage) {
    // biome-ignore lint/performance/noImgElement: an ENS avatar is a remote image of unknown size
    return <img src={ensImage} width={size} height={size} alt="" style={{ borderRadius: 999 }} />;
  }
  const { from, to, angle } = avatarColours(address);
  return (
    <div
      aria-hidden="true"
      style={{
        width: size,
        height: size,
        borderRadius: 999,
        background: `linear-gradient(${angle}deg, ${from}, ${to})`,
      }}
    />
  );
};
