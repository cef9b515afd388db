import json, re, sys
def sent(text, frag):
    # the sentence of the document containing frag
    i = text.index(frag)
    s = max(text.rfind('. ', 0, i), text.rfind('\n', 0, i))
    s = s + 2 if text[s] == '.' else s + 1
    e = text.find('\n', i)
    m = re.search(r'[.!?]["”]?(?= |\n|$)', text[i:])
    e2 = i + m.end() if m else len(text)
    return text[s:min(e2, e if e >= 0 else len(text))].strip()
def mk(name, ents, claims):
    text = open('docs/' + name).read()
    date = text.split('\n')[1]
    names = {e[0] for e in ents}
    out = {"doc": name, "date": date, "url": None, "license": "written for dots tests",
           "entities": [{"name": n, "type": t, "aliases": a} for n, t, a in ents], "claims": []}
    for (s, p, o, pol, tm, src, frag) in claims:
        assert s in names and o in names, (s, o)
        assert src is None or src in names, src
        ev = sent(text, frag)
        assert ev in text, ev
        out["claims"].append({"subject": s, "predicate": p, "object": o, "polarity": pol,
                              "time": tm, "source": src, "origin": "article", "evidence": ev})
    json.dump(out, open('gold/' + name.replace('.txt', '.json'), 'w'), indent=1, ensure_ascii=False)
    print(name, len(ents), 'entities', len(claims), 'claims')

mk('treasury-hezbollah-pipeline.txt', [
 ("Washington","GPE",[]), ("Reuters","ORG",[]), ("United States","GPE",["US"]),
 ("Treasury Department","ORG",["US Treasury Department","Treasury"]),
 ("Mohammad Qasir","PER",["Qasir"]), ("Ali Nasser Ahmad","PER",[]), ("Hassan Daqiq","PER",[]),
 ("Hezbollah","ORG",[]), ("Iran","GPE",["Iranian","Tehran"]), ("Syria","GPE",["Syrian","Syrian government"]),
 ("IRGC-QF","ORG",["Islamic Revolutionary Guard Corps-Qods Force"]), ("Lebanon","GPE",[]),
 ("Qusayr","GPE",[]), ("Israel","GPE",[]), ("Damascus","GPE",[])], [
 ("Treasury Department","member_of","United States","asserted",None,None,"The US Treasury Department on Thursday"),
 ("Treasury Department","designates","Mohammad Qasir","asserted","2024-03-14",None,"The US Treasury Department on Thursday"),
 ("Treasury Department","designates","Ali Nasser Ahmad","asserted","2024-03-14",None,"The US Treasury Department on Thursday"),
 ("Treasury Department","designates","Hassan Daqiq","asserted","2024-03-14",None,"The US Treasury Department on Thursday"),
 ("Hassan Daqiq","arms","Hezbollah","asserted",None,"Treasury Department","The US Treasury Department on Thursday"),
 ("Mohammad Qasir","member_of","Hezbollah","asserted",None,"Treasury Department","According to a Treasury statement"),
 ("Mohammad Qasir","allied_with","IRGC-QF","asserted",None,"Treasury Department","According to a Treasury statement"),
 ("IRGC-QF","member_of","Iran","asserted",None,"Treasury Department","According to a Treasury statement"),
 ("Mohammad Qasir","arms","Hezbollah","asserted","2021/..","Treasury Department","Qasir and his deputy"),
 ("Ali Nasser Ahmad","arms","Hezbollah","asserted","2021/..","Treasury Department","Qasir and his deputy"),
 ("Hezbollah","located_in","Lebanon","asserted","2021/..","Treasury Department","Qasir and his deputy"),
 ("IRGC-QF","arms","Hezbollah","asserted",None,"Treasury Department","The IRGC-QF has long armed"),
 ("IRGC-QF","trains","Hezbollah","asserted",None,"Treasury Department","The IRGC-QF has long armed"),
 ("Iran","funds","Hezbollah","asserted","2023","Treasury Department","The IRGC-QF has long armed"),
 ("Syria","shelters","Hezbollah","hedged",None,None,"Syrian officials allegedly"),
 ("Syria","shelters","Hezbollah","denied",None,"Syria","The Syrian government denied"),
 ("Israel","attacks","Damascus","asserted",None,None,"Israel has repeatedly struck"),
 ("Hezbollah","attacks","Israel","asserted","2023-10/..",None,"Hezbollah fighters have fired"),
])
mk('kenya-mandera-attack.txt', [
 ("Nairobi","GPE",[]), ("Agence France-Presse","ORG",["AFP"]), ("al-Shabaab","ORG",["Al-Shabaab"]),
 ("Mandera county","GPE",[]), ("Kenya","GPE",["Kenyan"]), ("Somalia","GPE",[]), ("al-Qaeda","ORG",[]),
 ("Andalus","ORG",["Andalus radio station"]),
 ("African Union Transition Mission in Somalia","ORG",["ATMIS"]), ("Elwak","GPE",[]),
 ("Garissa","GPE",[]), ("Interior Ministry","ORG",[])], [
 ("al-Shabaab","attacks","Mandera county","asserted","2023-06-18","Kenya","Al-Shabaab militants attacked"),
 ("al-Shabaab","attacks","Kenya","asserted","2023-06-18","Kenya","Al-Shabaab militants attacked"),
 ("al-Shabaab","located_in","Somalia","asserted",None,None,"The Somalia-based group"),
 ("al-Shabaab","member_of","al-Qaeda","asserted",None,None,"The Somalia-based group"),
 ("Andalus","member_of","al-Shabaab","asserted",None,None,"The Somalia-based group"),
 ("Kenya","located_in","Somalia","asserted","2011-10",None,"Kenya sent troops"),
 ("Kenya","opposes","al-Shabaab","asserted","2011-10",None,"Kenya sent troops"),
 ("Kenya","member_of","African Union Transition Mission in Somalia","asserted",None,None,"Kenya sent troops"),
 ("al-Shabaab","attacks","Elwak","asserted","2023-05",None,"Residents said"),
 ("al-Shabaab","located_in","Elwak","asserted","2023-05",None,"Residents said"),
 ("Kenya","detains","al-Shabaab","asserted","2023-06-19","Interior Ministry","Kenyan authorities arrested"),
])
mk('red-sea-strikes.txt', [
 ("Sanaa","GPE",[]), ("Yemen","GPE",[]), ("United States","GPE",["US","American"]),
 ("United Kingdom","GPE",["British","Britain"]), ("Houthis","ORG",["Houthi"]), ("Pentagon","ORG",[]),
 ("Red Sea","LOC",[]), ("Israel","GPE",["Israeli"]), ("Joe Biden","PER",[]),
 ("Mohammed Abdulsalam","PER",[]), ("Iran","GPE",[]), ("Saudi Arabia","GPE",["Riyadh"]),
 ("Muscat","GPE",[])], [
 ("United States","attacks","Houthis","asserted","2024-01-12","Pentagon","American and British warplanes"),
 ("United Kingdom","attacks","Houthis","asserted","2024-01-12","Pentagon","American and British warplanes"),
 ("Houthis","located_in","Sanaa","asserted",None,None,"The Houthis, who control Sanaa"),
 ("Houthis","located_in","Yemen","asserted",None,None,"The Houthis, who control Sanaa"),
 ("Houthis","attacks","Israel","asserted","2023-11/..",None,"The Houthis, who control Sanaa"),
 ("Houthis","attacks","Red Sea","asserted","2023-11/..",None,"The Houthis, who control Sanaa"),
 ("United States","opposes","Houthis","asserted",None,"Joe Biden","These targeted strikes"),
 ("Mohammed Abdulsalam","member_of","Houthis","asserted",None,None,"A Houthi spokesman"),
 ("Houthis","attacks","Israel","hedged",None,"Mohammed Abdulsalam","A Houthi spokesman"),
 ("Iran","arms","Houthis","asserted",None,"United States","US officials say"),
 ("Iran","arms","Houthis","denied",None,"Iran","Iran denied arming"),
 ("Saudi Arabia","opposes","Houthis","asserted",None,None,"Saudi Arabia, which fought"),
 ("Saudi Arabia","meets","Houthis","asserted","2023",None,"Riyadh and the Houthis held talks"),
 ("Saudi Arabia","located_in","Muscat","asserted","2023",None,"Riyadh and the Houthis held talks"),
 ("Houthis","located_in","Muscat","asserted","2023",None,"Riyadh and the Houthis held talks"),
])
mk('kirkuk-capture.txt', [
 ("Baghdad","GPE",[]), ("Associated Press","ORG",["AP"]), ("Iraq","GPE",["Iraqi"]),
 ("Islamic State","ORG",[]), ("Kirkuk","GPE",[]), ("Abu Hassan al-Jubouri","PER",["Al-Jubouri","al-Jubouri"]),
 ("Tikrit","GPE",[]), ("US-led coalition","ORG",["coalition"]), ("United States","GPE",["US"]),
 ("Peshmerga","ORG",["Kurdish Peshmerga forces"])], [
 ("Abu Hassan al-Jubouri","member_of","Islamic State","asserted",None,"Iraq","Iraqi counterterrorism forces captured"),
 ("Islamic State","attacks","Kirkuk","asserted",None,"Iraq","Al-Jubouri led an Islamic State cell"),
 ("Islamic State","attacks","Tikrit","asserted",None,"Iraq","Al-Jubouri led an Islamic State cell"),
 ("Abu Hassan al-Jubouri","located_in","Baghdad","asserted",None,None,"He was held at"),
 ("United States","member_of","US-led coalition","asserted",None,"US-led coalition","US-led coalition aircraft"),
 ("US-led coalition","trains","Iraq","asserted","2014/..",None,"The coalition has trained"),
 ("Abu Hassan al-Jubouri","arms","Islamic State","hedged",None,None,"Officials said al-Jubouri"),
 ("Abu Hassan al-Jubouri","member_of","Islamic State","denied",None,None,"His family denied"),
 ("Peshmerga","detains","Abu Hassan al-Jubouri","asserted","2019",None,"In 2019, Kurdish Peshmerga"),
 ("Peshmerga","releases","Abu Hassan al-Jubouri","asserted","2020",None,"In 2019, Kurdish Peshmerga"),
 ("Iraq","detains","Abu Hassan al-Jubouri","asserted","2020",None,"In 2019, Kurdish Peshmerga"),
])
mk('mali-wagner-jnim.txt', [
 ("Bamako","GPE",[]), ("Mali","GPE",["Malian"]), ("Russia","GPE",["Russian"]),
 ("Wagner Group","ORG",["Wagner"]), ("JNIM","ORG",["Group for the Support of Islam and Muslims"]),
 ("al-Qaeda","ORG",[]), ("Niger River","LOC",[]), ("Timbuktu","GPE",[]),
 ("Islamic State Sahel Province","ORG",[]), ("Menaka","GPE",[]), ("Human Rights Watch","ORG",[]),
 ("Islamic State","ORG",["Islamic State group"]), ("France","GPE",["Paris"]), ("Assimi Goita","PER",[]),
 ("Moura","GPE",[]), ("United Nations","ORG",[])], [
 ("Mali","allied_with","Wagner Group","asserted",None,None,"Mali's military government"),
 ("Wagner Group","located_in","Russia","asserted",None,None,"Mali's military government"),
 ("Wagner Group","located_in","Mali","asserted","2021-12/..",None,"Mali's military government"),
 ("JNIM","member_of","al-Qaeda","asserted",None,None,"The al-Qaeda-linked"),
 ("JNIM","attacks","Mali","asserted","2023-09-07",None,"The al-Qaeda-linked"),
 ("Islamic State Sahel Province","attacks","Menaka","asserted",None,"Human Rights Watch","The Islamic State Sahel Province"),
 ("JNIM","opposes","Islamic State","asserted","2020/..",None,"JNIM and the Islamic State group"),
 ("Islamic State","opposes","JNIM","asserted","2020/..",None,"JNIM and the Islamic State group"),
 ("Assimi Goita","member_of","Mali","asserted",None,None,"Colonel Assimi Goita"),
 ("France","arms","JNIM","hedged",None,"Assimi Goita","Colonel Assimi Goita"),
 ("France","arms","JNIM","denied",None,"France","Colonel Assimi Goita"),
 ("Wagner Group","attacks","Moura","hedged","2022-03","United Nations","Wagner fighters reportedly"),
])

# ---- second held-out batch (written for the claims2 pass, scored before tuning) ----
mk('hussain-v-obama.txt', [
 ("Abdul Hussain","PER",["Hussain"]), ("Barack Obama","PER",["Obama"]), ("Yemen","GPE",[]),
 ("United States","GPE",["the government"]), ("Guantanamo Bay","LOC",[]), ("al-Qaeda","ORG",[]),
 ("Taliban","ORG",[]), ("Northern Alliance","ORG",[]), ("Kabul","GPE",[]),
 ("Pakistan","GPE",["Pakistani","Pakistani forces"]), ("Peshawar","GPE",[]),
 ("Khaldan training camp","LOC",[]), ("Ibn al-Shaykh al-Libi","PER",[])], [
 ("United States","detains","Abdul Hussain","asserted","2002/..",None,"Abdul Hussain, a citizen"),
 ("Abdul Hussain","located_in","Guantanamo Bay","asserted","2002/..",None,"Abdul Hussain, a citizen"),
 ("United States","located_in","Guantanamo Bay","asserted",None,None,"Abdul Hussain, a citizen"),
 ("Abdul Hussain","member_of","al-Qaeda","hedged",None,"United States","The government alleges"),
 ("Abdul Hussain","allied_with","Taliban","hedged","2001","United States","The government alleges"),
 ("Abdul Hussain","opposes","Northern Alliance","hedged","2001","United States","The government alleges"),
 ("Taliban","shelters","Abdul Hussain","asserted",None,"Abdul Hussain","Hussain concedes"),
 ("Abdul Hussain","located_in","Kabul","asserted",None,"Abdul Hussain","Hussain concedes"),
 ("Abdul Hussain","member_of","al-Qaeda","denied",None,"Abdul Hussain","Hussain concedes"),
 ("Pakistan","detains","Abdul Hussain","asserted","2001-12",None,"Pakistani forces captured"),
 ("Pakistan","releases","Abdul Hussain","asserted","2001-12",None,"Pakistani forces captured"),
 ("Abdul Hussain","located_in","Peshawar","asserted","2001-12",None,"Pakistani forces captured"),
 ("Abdul Hussain","located_in","Khaldan training camp","asserted",None,None,"Witness statements show"),
 ("al-Qaeda","trains","Abdul Hussain","asserted",None,None,"Witness statements show"),
 ("Ibn al-Shaykh al-Libi","member_of","al-Qaeda","asserted",None,None,"Ibn al-Shaykh al-Libi, the"),
 ("Ibn al-Shaykh al-Libi","trains","Abdul Hussain","asserted",None,"Ibn al-Shaykh al-Libi","Ibn al-Shaykh al-Libi, the"),
])
mk('crt2022-pakistan.txt', [
 ("Pakistan","GPE",["Pakistani"]), ("Tehrik-e-Taliban Pakistan","ORG",["TTP"]),
 ("Afghanistan","GPE",["Afghan"]), ("Khyber Pakhtunkhwa","GPE",[]), ("Taliban","ORG",[]),
 ("Kabul","GPE",[]), ("ISIS-Khorasan","ORG",[]), ("Peshawar","GPE",[]),
 ("Baloch Liberation Army","ORG",["BLA"]), ("China","GPE",["Chinese"]), ("Karachi","GPE",[]),
 ("Counter Terrorism Department","ORG",[]), ("Islamabad","GPE",[])], [
 ("Tehrik-e-Taliban Pakistan","attacks","Pakistan","asserted","2022",None,"Overview: In 2022"),
 ("Tehrik-e-Taliban Pakistan","located_in","Afghanistan","asserted","2022",None,"The TTP, which is based"),
 ("Tehrik-e-Taliban Pakistan","attacks","Khyber Pakhtunkhwa","asserted","2022",None,"The TTP, which is based"),
 ("Taliban","shelters","Tehrik-e-Taliban Pakistan","hedged","2022","Pakistan","Pakistani officials accused"),
 ("Taliban","shelters","Tehrik-e-Taliban Pakistan","denied","2022","Taliban","Pakistani officials accused"),
 ("Taliban","located_in","Kabul","asserted","2022",None,"Pakistani officials accused"),
 ("ISIS-Khorasan","attacks","Peshawar","asserted","2022-03",None,"ISIS-Khorasan also attacked"),
 ("Baloch Liberation Army","attacks","China","asserted","2022-04",None,"The Baloch Liberation Army"),
 ("Counter Terrorism Department","member_of","Pakistan","asserted",None,None,"Pakistan's Counter Terrorism"),
 ("Counter Terrorism Department","detains","Tehrik-e-Taliban Pakistan","asserted","2022",None,"Pakistan's Counter Terrorism"),
 ("Pakistan","meets","Afghanistan","asserted","2022-08",None,"Pakistani and Afghan officials held"),
 ("Pakistan","located_in","Kabul","asserted","2022-08",None,"Pakistani and Afghan officials held"),
 ("China","meets","Pakistan","asserted","2022-10",None,"Pakistani and Afghan officials held"),
 ("China","meets","Afghanistan","asserted","2022-10",None,"Pakistani and Afghan officials held"),
 ("China","located_in","Islamabad","asserted","2022-10",None,"Pakistani and Afghan officials held"),
 ("Afghanistan","located_in","Islamabad","asserted","2022-10",None,"Pakistani and Afghan officials held"),
])
mk('treasury-isis-somalia.txt', [
 ("Washington","GPE",[]), ("Reuters","ORG",[]),
 ("Treasury Department","ORG",["U.S. Treasury Department","Treasury"]), ("United States","GPE",["U.S."]),
 ("Islamic State","ORG",[]), ("ISIS-Somalia","ORG",[]), ("Somalia","GPE",["Somali"]),
 ("Abdirahman Fahiye Isse","PER",[]), ("Ali Hassan Warsame","PER",["Warsame"]),
 ("Yusuf Osman Abdi","PER",[]), ("Brian Nelson","PER",[]), ("Bosaso","GPE",[]),
 ("Cal Miskaad","LOC",["Cal Miskaad mountains"]), ("U.S. Africa Command","ORG",["AFRICOM"]),
 ("Puntland","GPE",[]), ("Hassan Sheikh Mohamud","PER",[]), ("Michael Langley","PER",[]),
 ("Mogadishu","GPE",[])], [
 ("Treasury Department","member_of","United States","asserted",None,None,"WASHINGTON (Reuters)"),
 ("ISIS-Somalia","member_of","Islamic State","asserted",None,None,"WASHINGTON (Reuters)"),
 ("ISIS-Somalia","located_in","Somalia","asserted",None,None,"WASHINGTON (Reuters)"),
 ("Treasury Department","designates","Abdirahman Fahiye Isse","asserted","2024-07-23","Treasury Department","The individuals sanctioned include"),
 ("Treasury Department","designates","Ali Hassan Warsame","asserted","2024-07-23","Treasury Department","The individuals sanctioned include"),
 ("Treasury Department","designates","Yusuf Osman Abdi","asserted","2024-07-23","Treasury Department","The individuals sanctioned include"),
 ("Brian Nelson","member_of","Treasury Department","asserted",None,None,"said Brian Nelson"),
 ("Ali Hassan Warsame","located_in","Bosaso","asserted",None,"Treasury Department","According to the statement, Warsame"),
 ("Ali Hassan Warsame","funds","ISIS-Somalia","asserted","2021/..","Treasury Department","According to the statement, Warsame"),
 ("ISIS-Somalia","located_in","Cal Miskaad","asserted","2021/..","Treasury Department","According to the statement, Warsame"),
 ("U.S. Africa Command","member_of","United States","asserted",None,None,"On July 16, U.S. Africa"),
 ("U.S. Africa Command","attacks","ISIS-Somalia","asserted","2024-07-16","U.S. Africa Command","On July 16, U.S. Africa"),
 ("ISIS-Somalia","located_in","Puntland","asserted","2024-07-16","U.S. Africa Command","On July 16, U.S. Africa"),
 ("Hassan Sheikh Mohamud","member_of","Somalia","asserted",None,None,"Somali President Hassan"),
 ("Michael Langley","member_of","U.S. Africa Command","asserted",None,None,"Somali President Hassan"),
 ("Hassan Sheikh Mohamud","meets","Michael Langley","asserted","2024-07-22",None,"Somali President Hassan"),
 ("Hassan Sheikh Mohamud","located_in","Mogadishu","asserted","2024-07-22",None,"Somali President Hassan"),
 ("Michael Langley","located_in","Mogadishu","asserted","2024-07-22",None,"Somali President Hassan"),
])
