# Choices listed as text, on channels without buttons (Zalo).
choices-or = hoặc
choices-how-numbers = Bà con trả lời số { $keys } (hoặc gõ chữ của lựa chọn).
choices-how-letters = Câu này trả lời bằng con số thì bà con gõ số. Muốn chọn ở trên thì gõ chữ { $keys }.
