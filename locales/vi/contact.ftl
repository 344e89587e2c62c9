# How officers reach a farmer (src/leads/contact.ts): dashboard, exports, officers' chat, summary.
leads-contact-own-phone = Số của bà con
leads-contact-relative-phone = Số người thân
leads-contact-commune-office = Không có điện thoại: hẹn qua UBND xã/phường
leads-contact-relative-number = { $number } (số người thân)
leads-col-contact = Cách liên hệ
leads-members-unknown = Chưa rõ
