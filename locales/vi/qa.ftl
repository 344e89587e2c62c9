qa-prompt = Bà con nhắn câu hỏi vào đây nha (có dấu hay không dấu đều được). Hoặc bấm một câu hỏi mẫu:
qa-example-1 = HTX cần mấy người?
qa-example-2 = Vay không thế chấp được bao nhiêu?
qa-example-3 = Tổ hợp tác là gì?
qa-read-full = 📖 Đọc đầy đủ
qa-ask-officer = 👤 Hỏi cán bộ
qa-send-to-officer = 📨 Gửi câu này cho cán bộ
qa-unknown-command = Tôi không biết lệnh này. Bà con nhắn /menu để xem các việc tôi làm được.
law-topics = Bà con muốn tìm hiểu phần nào? Bấm một chủ đề:
law-topic = { $topic } ({ $page }/{ $pages }) — bấm câu hỏi để đọc:
law-more = ➡️ Xem thêm
law-all-topics = 📚 Các chủ đề
law-next = ➡️ { $heading }
law-back-topic = ⬅️ Cùng chủ đề
law-ask-officer = 👤 Hỏi cán bộ
law-missing = Nội dung này vừa được cập nhật nên không còn nữa. Bà con chọn lại nha.

# A former place named in a question (src/places/mentioned-place.ts), said with today's name.
qa-place-commune = 📍 { $former } nay là { $current }, { $province } (từ 01/07/2025). Giấy tờ, thủ tục bà con làm ở UBND { $current }.
qa-place-district = 📍 { $former } không còn từ 01/07/2025 (bỏ cấp huyện); các xã của huyện nay thuộc các xã, phường mới của { $province }, ví dụ { $current }. Bà con làm thủ tục ở UBND xã/phường nơi mình ở.
qa-place-province = 📍 { $former } nay thuộc { $current } (từ 01/07/2025).
# "xã X giờ thuộc xã nào" (src/places/place-question.ts): answered from the place list, not the law.
qa-place-commune-part = 📍 Một phần { $former } nay thuộc { $current }, { $province } (từ 01/07/2025).
qa-place-current = 📍 { $current } là tên xã, phường hiện nay của { $province } (từ 01/07/2025). Giấy tờ, thủ tục bà con làm ở UBND { $current }.
qa-place-several = Có { $count } nơi ứng với «{ $named }»:
qa-place-several-hint = Bà con ghi thêm tên huyện cũ (ví dụ «xã Vĩnh Thành, Thạnh Trị») để mình chỉ đúng nơi nha.
qa-place-unknown = Mình chưa tìm thấy «{ $named }» trong danh sách xã, phường của Thành phố Cần Thơ (gồm cả Sóc Trăng, Hậu Giang cũ). Bà con ghi rõ tên xã và huyện cũ (ví dụ «xã Vĩnh Thành, Thạnh Trị»), hoặc bấm Gặp cán bộ để hỏi nha.
