import DigestCLI
for s in ["Sep 28, 2020", "2020-02-30", "20-09-28", "Setpember 28 2020", "28 September 2020", "2020/09/28", "Febrauary 3 2020", "2021-02-29", "2024-02-29", "September 28 2020", "Sept. 3, 2021"] {
  print(s, DateParser.parse(s), DateParser.parseLeniently(s))
}
