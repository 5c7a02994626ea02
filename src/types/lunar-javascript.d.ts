// Minimal types for the parts of lunar-javascript (v1.7.x, plain JS, no bundled types) the platform uses:
// lunar → solar conversion and the solar terms (节气) of a lunar year.
declare module 'lunar-javascript' {
  interface SolarDay {
    /** 'YYYY-MM-DD' */
    toYmd(): string;
    /** The day `days` later (negative: earlier). */
    next(days: number): SolarDay;
    getLunar(): LunarDay;
  }
  interface LunarDay {
    getSolar(): SolarDay;
    /** The lunar year's solar terms by Chinese name, e.g. 清明. */
    getJieQiTable(): Record<string, SolarDay>;
  }
  const lunar: {
    /** A lunar date; a positive month is the ordinary (non-leap) month. */
    Lunar: { fromYmd(year: number, month: number, day: number): LunarDay };
    Solar: { fromYmd(year: number, month: number, day: number): SolarDay };
  };
  export default lunar;
}
