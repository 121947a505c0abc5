/**
 * Lower case without accents or other marks, so "Mise à jour du BIOS" and "mise a jour du bios" are the
 * same words: how the classifier, the similar-utterance index and the answer finder all compare text.
 */
export function plainText(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
}
