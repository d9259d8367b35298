/** Dates as Vietnamese documents print them: "Ngày 17 tháng 10 năm 2024" and 17/10/2024. */

export function longDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `Ngày ${day} tháng ${month} năm ${year}`;
}

export function shortDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}
