// The product speaks Vietnamese first and English second; every word for people is chosen by this.
export type Lang = "vi" | "en";

export const say = (lang: Lang, vi: string, en: string): string => (lang === "vi" ? vi : en);
