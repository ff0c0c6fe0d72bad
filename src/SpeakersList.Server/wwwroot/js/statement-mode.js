// How a statement is delivered, in the six languages: the hall display and the booths say
// "Video statement" or "Remote" (issue 23). An in-person statement needs no label.
const labels = {
  video: { en: "Video statement", fr: "Déclaration vidéo", es: "Declaración en vídeo", ru: "Видеозаявление", zh: "视频发言", ar: "بيان مسجل بالفيديو" },
  remote: { en: "Remote", fr: "À distance", es: "A distancia", ru: "Дистанционно", zh: "远程", ar: "عن بُعد" },
};

/** The label of a statement's mode (delivery.mode), or "" in person. */
export function modeLabel(delivery, language = "en") {
  const words = labels[delivery?.mode ?? delivery];
  return words ? words[language] ?? words.en : "";
}
